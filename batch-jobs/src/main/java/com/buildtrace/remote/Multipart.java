package com.buildtrace.remote;

import java.io.FileNotFoundException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * A {@code multipart/form-data} body of text fields and files, streamed from disk (a 500 MB revision is never in
 * memory), with its length known up front and the bytes sent reported as they go.
 *
 * @param fields text fields, in order
 * @param fieldName the name of every file part ({@code files})
 * @param files the files, in order
 */
record Multipart(Map<String, String> fields, String fieldName, List<Path> files) {

    private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "tif", "image/tiff", "tiff", "image/tiff");

    Multipart {
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    /** A body to send (a new one for every attempt), telling {@code sent} the bytes sent so far. */
    Body body(LongConsumer sent) {
        String boundary = "buildtrace-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; "
                + "name=\"").append(name).append("\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(value)
                .append("\r\n"));
        for (Path file : files) {
            String name = file.getFileName().toString();
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fieldName)
                    .append("\"; ").append(filename(name)).append("\r\nContent-Type: ").append(type(name))
                    .append("\r\n\r\n");
            parts.add(text(head));
            head.setLength(0);
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(file));
            } catch (FileNotFoundException e) {
                throw RemoteException.usage("cannot read " + file + ": " + e.getMessage());
            }
            head.append("\r\n");
        }
        head.append("--").append(boundary).append("--\r\n");
        parts.add(text(head));
        HttpRequest.BodyPublisher all = HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
        return new Body("multipart/form-data; boundary=" + boundary, new Counting(all, sent));
    }

    /** A body and its content type. */
    record Body(String contentType, HttpRequest.BodyPublisher publisher) {
    }

    private static HttpRequest.BodyPublisher text(CharSequence s) {
        return HttpRequest.BodyPublishers.ofByteArray(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code filename="..."}, and RFC 5987's {@code filename*} for a name that is not plain ASCII. */
    private static String filename(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        return ascii.equals(name) ? "filename=\"" + name + "\""
                : "filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String type(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream"
                : TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    /** Passes a body on, counting the bytes the client takes from it. */
    private record Counting(HttpRequest.BodyPublisher body, LongConsumer sent) implements HttpRequest.BodyPublisher {

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            long[] total = {0};
            body.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    total[0] += item.remaining();
                    subscriber.onNext(item);
                    sent.accept(total[0]);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
        }
    }
}
