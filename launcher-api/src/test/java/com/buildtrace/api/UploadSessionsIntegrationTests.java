package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.api.upload.UploadSessions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Resumable uploads over HTTP, with chunks of 64 KB (the test setting): a revision of two files sent in chunks
 * and completed, a chunk sent twice, chunks at the wrong offset or outside the file, a chunk broken off and the
 * upload resumed from the offset the server reports, a corrupted file caught by its SHA-256 and sent again, an
 * upload identical to an earlier revision, a file that is not a drawing, cancel, expiry, and the rate limits.
 */
class UploadSessionsIntegrationTests extends ApiIntegrationTest {

    private static final int CHUNK = 64 * 1024;

    @Autowired
    UploadSessions sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sendsTwoFilesInChunksAndCompletesThemAsARevision() throws Exception {
        UUID project = project("Resumable");
        UUID set = drawingSet(project, "Architectural");
        Path pdf = sheetSet("resumable-a.pdf", 2);
        Path png = noise("resumable-site.png", 200_000, 1);
        byte[] pdfBytes = Files.readAllBytes(pdf);
        byte[] pngBytes = Files.readAllBytes(png);

        ApiClient.Response created = start(project, set, "Rev A", file(pdf, true), file(png, true));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode session = created.json();
        String id = session.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/uploads/" + id);
        assertThat(session.get("chunkBytes").asInt()).isEqualTo(CHUNK);
        assertThat(session.get("state").asString()).isEqualTo("open");
        assertThat(session.get("bytes").asLong()).isEqualTo(pdfBytes.length + pngBytes.length);
        assertThat(session.get("files").findValuesAsString("name")).containsExactly("resumable-a.pdf",
                "resumable-site.png");
        assertThat(session.get("files").findValuesAsString("state")).containsExactly("waiting", "waiting");

        sendAll(id, 0, pdfBytes);
        sendAll(id, 1, Arrays.copyOf(pngBytes, CHUNK * 2));
        JsonNode partway = api().get("/api/v1/uploads/" + id).json();
        assertThat(partway.get("files").get(0).get("received").asLong()).isEqualTo(pdfBytes.length);
        assertThat(partway.get("files").get(0).get("state").asString()).isEqualTo("received");
        assertThat(partway.get("files").get(1).get("received").asLong()).isEqualTo(CHUNK * 2);
        assertThat(partway.get("files").get(1).get("state").asString()).isEqualTo("partial");
        assertThat(partway.get("received").asLong()).isEqualTo(pdfBytes.length + CHUNK * 2L);
        assertThat(api().get("/api/v1/projects/" + project + "/uploads").json().findValuesAsString("id"))
                .containsExactly(id);
        // the same chunk again (its answer was lost): taken without effect
        ApiClient.Response again = chunk(id, 1, pngBytes, CHUNK, 2 * CHUNK - 1);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("received").asLong()).isEqualTo(CHUNK * 2);
        assertThat(again.header("Upload-Offset")).isEqualTo(Integer.toString(CHUNK * 2));
        sendFrom(id, 1, pngBytes, CHUNK * 2);

        ApiClient.Response completed = api().post("/api/v1/uploads/" + id + "/complete", "");

        assertThat(completed.status()).as(completed.text()).isEqualTo(201);
        JsonNode revision = completed.json();
        assertThat(completed.header("Location")).isEqualTo("/api/v1/revisions/" + revision.get("id").asString());
        assertThat(revision.get("label").asString()).isEqualTo("Rev A");
        assertThat(revision.get("issuedOn").asString()).isEqualTo("2026-03-02");
        assertThat(revision.get("pages").asInt()).isEqualTo(3);
        assertThat(revision.get("files").findValuesAsString("sha256")).containsExactly(sha256(pdfBytes),
                sha256(pngBytes));
        assertThat(revision.get("files").findValuesAsString("mediaType")).containsExactly("application/pdf",
                "image/png");
        assertThat(api().get("/api/v1/revisions/" + revision.get("id").asString() + "/files/1").raw().body())
                .isEqualTo(pngBytes);
        assertThat(STORE.resolve("uploads/" + id)).doesNotExist();
        assertThat(api().get("/api/v1/uploads/" + id).json().get("state").asString()).isEqualTo("completed");
        assertThat(api().get("/api/v1/projects/" + project + "/uploads").json()).isEmpty();
        // completing again (the answer was lost): the same revision
        ApiClient.Response repeated = api().post("/api/v1/uploads/" + id + "/complete", "");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().get("id").asString()).isEqualTo(revision.get("id").asString());
        assertThat(api().get("/api/v1/projects/" + project + "/revisions").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aCompletedUploadIsComparedOnUploadLikeAOneRequestUpload() throws Exception {
        UUID project = api().post("/api/v1/projects", "{\"name\": \"Resumable on upload\", \"compareOnUpload\": true}")
                .id();
        UUID set = drawingSet(project, "Structural");
        UUID a = uploadRevision(project, set, "Rev A", sheetSet("resumable-on-upload-a.pdf", 2)).id();
        Path newer = sheetSet("resumable-on-upload-b.pdf", 2, 1);
        String id = start(project, set, "Rev B", file(newer, true)).json().get("id").asString();
        sendAll(id, 0, Files.readAllBytes(newer));

        String b = api().post("/api/v1/uploads/" + id + "/complete", "").json().get("id").asString();

        JsonNode list = api().get("/api/v1/comparisons?projectId=" + project).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode c = list.get("items").get(0);
        assertThat(c.get("trigger").asString()).isEqualTo("upload");
        assertThat(c.get("oldRevision").get("id").asString()).isEqualTo(a.toString());
        assertThat(c.get("newRevision").get("id").asString()).isEqualTo(b);
        assertThat(api().get("/api/v1/projects/" + project + "/activity").json().findValuesAsString("action"))
                .contains("revision_uploaded");
        assertThat(awaitEnd(UUID.fromString(c.get("id").asString())).get("counts").get("changed").asInt()).isEqualTo(1);
    }

    @Test
    void refusesChunksAtTheWrongOffsetOrOutsideTheFileSayingWhereToContinue() throws Exception {
        UUID project = project("Offsets");
        UUID set = drawingSet(project, "Architectural");
        Path file = noise("offsets.png", 150_000, 2);
        byte[] png = Files.readAllBytes(file);
        String id = start(project, set, "Rev A", file(file, false)).json().get("id").asString();
        assertThat(chunk(id, 0, png, 0, CHUNK - 1).status()).isEqualTo(200);

        ApiClient.Response ahead = chunk(id, 0, png, 2 * CHUNK, png.length - 1);
        ApiClient.Response overlapping = chunk(id, 0, png, CHUNK / 2, CHUNK + CHUNK / 2 - 1);
        ApiClient.Response otherSize = api().put("/api/v1/uploads/" + id + "/files/0",
                Map.of("Content-Range", "bytes 65536-65545/999999"), new byte[10]);
        ApiClient.Response tooLarge = chunk(id, 0, png, CHUNK, 2 * CHUNK + 10);
        ApiClient.Response noRange = api().put("/api/v1/uploads/" + id + "/files/0", Map.of(), new byte[10]);
        ApiClient.Response noFile = chunk(id, 1, png, 0, 9);

        assertThat(ahead.status()).as(ahead.text()).isEqualTo(409);
        assertThat(ahead.json().get("offset").asLong()).isEqualTo(CHUNK);
        assertThat(ahead.header("Upload-Offset")).isEqualTo(Integer.toString(CHUNK));
        assertThat(ahead.json().get("detail").asString()).contains("must start at byte 65536", "starts at 131072");
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.json().get("offset").asLong()).isEqualTo(CHUNK);
        assertThat(otherSize.status()).isEqualTo(416);
        assertThat(otherSize.json().get("offset").asLong()).isEqualTo(CHUNK);
        assertThat(otherSize.json().get("detail").asString()).contains("announced with " + png.length + " bytes");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asString()).contains("at most 65536 bytes");
        assertThat(noRange.status()).isEqualTo(400);
        assertThat(noRange.json().get("detail").asString()).contains("Content-Range");
        assertThat(noFile.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/uploads/" + id).json().get("files").get(0).get("received").asLong())
                .isEqualTo(CHUNK);
        ApiClient.Response early = api().post("/api/v1/uploads/" + id + "/complete", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("'offsets.png' (65536 of " + png.length + " bytes)");
    }

    @Test
    void resumesFromTheOffsetTheServerReportsAfterAChunkBrokeOff() throws Exception {
        UUID project = project("Interrupted");
        UUID set = drawingSet(project, "Architectural");
        Path png = noise("interrupted.png", 250_000, 3);
        byte[] bytes = Files.readAllBytes(png);
        String id = start(project, set, "Rev A", file(png, true)).json().get("id").asString();
        sendAll(id, 0, Arrays.copyOf(bytes, CHUNK));

        // the connection drops 1000 bytes into the second chunk (sent without a length, as a stream)
        ApiClient.Response broken = api().put("/api/v1/uploads/" + id + "/files/0",
                Map.of("Content-Range", "bytes " + CHUNK + "-" + (2 * CHUNK - 1) + "/" + bytes.length),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes, CHUNK, 1000)));
        assertThat(broken.status()).as(broken.text()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).contains("ended after 1000 bytes");

        // a new client (after a reload) asks where the file stands and goes on from there
        long offset = api().get("/api/v1/uploads/" + id).json().get("files").get(0).get("received").asLong();
        assertThat(offset).isEqualTo(CHUNK);
        sendFrom(id, 0, bytes, offset);
        ApiClient.Response completed = api().post("/api/v1/uploads/" + id + "/complete", "");

        assertThat(completed.status()).as(completed.text()).isEqualTo(201);
        assertThat(completed.json().get("files").get(0).get("sha256").asString()).isEqualTo(sha256(bytes));
        try (var chunks = Files.list(STORE.resolve("projects/" + project + "/sets/" + set + "/revisions/"
                + completed.json().get("id").asString() + "/files"))) {
            assertThat(chunks.map(Path::getFileName).map(Path::toString)).containsExactly("001.png");
        }
    }

    @Test
    void aFileWhoseBytesDoNotHaveTheAnnouncedSha256Is422AndIsTakenBackToBeSentAgain() throws Exception {
        UUID project = project("Corrupted");
        UUID set = drawingSet(project, "Architectural");
        Path pdf = sheetSet("corrupted-a.pdf", 1);
        Path png = noise("corrupted.png", 140_000, 4);
        byte[] bytes = Files.readAllBytes(png);
        String id = start(project, set, "Rev A", file(pdf, true), file(png, true)).json().get("id").asString();
        sendAll(id, 0, Files.readAllBytes(pdf));
        byte[] damaged = bytes.clone();
        damaged[CHUNK + 17] ^= 0x5A;
        sendAll(id, 1, damaged);

        ApiClient.Response refused = api().post("/api/v1/uploads/" + id + "/complete", "");

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("'corrupted.png'", sha256(bytes),
                sha256(damaged));
        JsonNode after = api().get("/api/v1/uploads/" + id).json();
        assertThat(after.get("state").asString()).isEqualTo("open");
        assertThat(after.get("files").findValuesAsString("state")).containsExactly("received", "waiting");
        assertThat(api().get("/api/v1/projects/" + project + "/revisions").json().get("total").asInt()).isZero();
        sendAll(id, 1, bytes);
        assertThat(api().post("/api/v1/uploads/" + id + "/complete", "").status()).isEqualTo(201);
    }

    @Test
    void anUploadIdenticalToAnEarlierRevisionIsRefusedAtTheStartOrOnCompletion() throws Exception {
        UUID project = project("Duplicates");
        UUID set = drawingSet(project, "Architectural");
        Path pdf = sheetSet("duplicate-a.pdf", 2);
        String earlier = uploadRevision(project, set, "Rev A", pdf).json().get("id").asString();

        ApiClient.Response withDigest = start(project, set, "Rev A again", file(pdf, true));
        String id = start(project, set, "Rev A again", file(pdf, false)).json().get("id").asString();
        sendAll(id, 0, Files.readAllBytes(pdf));
        ApiClient.Response completed = api().post("/api/v1/uploads/" + id + "/complete", "");

        assertThat(withDigest.status()).as(withDigest.text()).isEqualTo(409);
        assertThat(withDigest.json().get("detail").asString()).contains("already uploaded as revision 'Rev A'",
                earlier);
        assertThat(completed.status()).as(completed.text()).isEqualTo(409);
        assertThat(completed.json().get("detail").asString()).contains(earlier);
        assertThat(api().get("/api/v1/uploads/" + id).json().get("state").asString()).isEqualTo("open");
        assertThat(api().delete("/api/v1/uploads/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/uploads/" + id).status()).isEqualTo(404);
        assertThat(STORE.resolve("uploads/" + id)).doesNotExist();
    }

    @Test
    void checksTheAnnouncedFilesAndTheContentAsAOneRequestUploadDoes() throws Exception {
        UUID project = project("Content");
        UUID set = drawingSet(project, "Architectural");
        Path html = FIXTURES.resolve("content-page.pdf");
        Files.writeString(html, "<!doctype html><html><body>not a drawing</body></html>".repeat(100));

        ApiClient.Response empty = api().post("/api/v1/projects/" + project + "/sets/" + set + "/uploads",
                "{\"label\": \"Rev A\", \"files\": [{\"name\": \"a.pdf\", \"bytes\": 0}]}");
        ApiClient.Response none = api().post("/api/v1/projects/" + project + "/sets/" + set + "/uploads",
                "{\"label\": \"Rev A\", \"files\": []}");
        ApiClient.Response tooLarge = api().post("/api/v1/projects/" + project + "/sets/" + set + "/uploads",
                "{\"label\": \"Rev A\", \"files\": [{\"name\": \"a.pdf\", \"bytes\": 4000000}]}");
        ApiClient.Response badDigest = api().post("/api/v1/projects/" + project + "/sets/" + set + "/uploads",
                "{\"label\": \"Rev A\", \"files\": [{\"name\": \"a.pdf\", \"bytes\": 10, \"sha256\": \"abc\"}]}");
        String id = start(project, set, "Rev A", file(html, false)).json().get("id").asString();
        sendAll(id, 0, Files.readAllBytes(html));
        ApiClient.Response completed = api().post("/api/v1/uploads/" + id + "/complete", "");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).isEqualTo("file 'a.pdf' is empty");
        assertThat(none.status()).isEqualTo(400);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(badDigest.status()).isEqualTo(400);
        assertThat(badDigest.json().get("detail").asString()).contains("sha256", "64 hexadecimal digits");
        assertThat(completed.status()).as(completed.text()).isEqualTo(415);
        assertThat(completed.json().get("detail").asString()).contains("'content-page.pdf' is an HTML or XML document");
    }

    @Test
    void expiredSessionsAreGoneAndHousekeepingDeletesTheirBytes() throws Exception {
        UUID project = project("Expiry");
        UUID set = drawingSet(project, "Architectural");
        Path file = noise("expiry.png", 100_000, 5);
        byte[] png = Files.readAllBytes(file);
        String id = start(project, set, "Rev A", file(file, false)).json().get("id").asString();
        sendAll(id, 0, Arrays.copyOf(png, CHUNK));
        assertThat(STORE.resolve("uploads/" + id)).isDirectory();
        JsonNode live = api().get("/api/v1/uploads/" + id).json();
        assertThat(java.time.OffsetDateTime.parse(live.get("expiresAt").asString()))
                .isAfter(java.time.OffsetDateTime.now().plusHours(23));

        jdbc.sql("UPDATE upload_session SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(UUID.fromString(id)).update();

        assertThat(api().get("/api/v1/uploads/" + id).status()).isEqualTo(404);
        assertThat(chunk(id, 0, png, CHUNK, png.length - 1).status()).isEqualTo(404);
        assertThat(sessions.expire()).isGreaterThanOrEqualTo(1);
        assertThat(STORE.resolve("uploads/" + id)).doesNotExist();
        assertThat(jdbc.sql("SELECT count(*) FROM upload_chunk WHERE session_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSessionCountsOnceAgainstTheUploadLimitAndItsChunksApart() throws Exception {
        UUID project = project("Limits");
        UUID set = drawingSet(project, "Architectural");
        Path png = noise("limits.png", 12 * CHUNK, 6);
        byte[] bytes = Files.readAllBytes(png);

        ApiClient.Response created = start(project, set, "Rev A", file(png, false));
        String id = created.json().get("id").asString();
        List<Integer> statuses = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        for (long first = 0; first < bytes.length; first += CHUNK) {
            ApiClient.Response r = chunk(id, 0, bytes, first, Math.min(bytes.length, first + CHUNK) - 1);
            statuses.add(r.status());
            limits.add(r.header("RateLimit-Limit"));
        }

        assertThat(created.header("RateLimit-Limit")).isEqualTo("10");
        assertThat(statuses).hasSizeGreaterThan(10).containsOnly(200);
        assertThat(limits).containsOnly("1200");
        assertThat(api().post("/api/v1/uploads/" + id + "/complete", "").status()).isEqualTo(201);
    }

    /** A file to announce, with or without its SHA-256. */
    private record Announced(Path file, boolean withDigest) {
    }

    private static Announced file(Path path, boolean withDigest) {
        return new Announced(path, withDigest);
    }

    /** Starts a session for these files. */
    private ApiClient.Response start(UUID project, UUID set, String label, Announced... files) throws Exception {
        StringBuilder json = new StringBuilder("{\"label\": \"" + label + "\", \"issuedOn\": \"2026-03-02\", \"files\": [");
        for (int i = 0; i < files.length; i++) {
            byte[] bytes = Files.readAllBytes(files[i].file());
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(files[i].file().getFileName())
                    .append("\", \"bytes\": ").append(bytes.length)
                    .append(files[i].withDigest() ? ", \"sha256\": \"" + sha256(bytes) + "\"" : "")
                    .append('}');
        }
        return api().post("/api/v1/projects/" + project + "/sets/" + set + "/uploads", json.append("]}").toString());
    }

    private ApiClient.Response chunk(String id, int position, byte[] file, long first, long last) {
        return api().put("/api/v1/uploads/" + id + "/files/" + position,
                Map.of("Content-Range", "bytes " + first + "-" + last + "/" + file.length),
                Arrays.copyOfRange(file, (int) first, (int) last + 1));
    }

    /** Sends a file's bytes from the start in chunks; {@code bytes} may be a prefix of the file. */
    private void sendAll(String id, int position, byte[] bytes) {
        sendFrom(id, position, bytes, 0);
    }

    private void sendFrom(String id, int position, byte[] prefix, long from) {
        long size = api().get("/api/v1/uploads/" + id).json().get("files").get(position).get("bytes").asLong();
        for (long first = from; first < prefix.length; first += CHUNK) {
            long last = Math.min(prefix.length, first + CHUNK) - 1;
            ApiClient.Response r = api().put("/api/v1/uploads/" + id + "/files/" + position,
                    Map.of("Content-Range", "bytes " + first + "-" + last + "/" + size),
                    Arrays.copyOfRange(prefix, (int) first, (int) last + 1));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().get("received").asLong()).isEqualTo(last + 1);
        }
    }

    /** A PNG of random pixels (it does not compress) of about {@code bytes} bytes. */
    static Path noise(String name, int bytes, long seed) throws IOException {
        int side = (int) Math.ceil(Math.sqrt(bytes / 3.0));
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = FIXTURES.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
