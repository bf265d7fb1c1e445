package com.buildtrace.api.drawingset;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file of a revision upload as {@link RevisionUploads} reads it, wherever its bytes are: a part of a multipart
 * request, or the chunks an upload session received.
 */
public interface IncomingFile extends DeclaredFile {

    /** Its bytes, from the first; the caller closes the stream. */
    InputStream open() throws IOException;

    /** A part of a multipart request. */
    static IncomingFile of(MultipartFile file) {
        String name = RevisionUploads.displayName(file);
        return new IncomingFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public String sha256() {
                return null;
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }
}
