package com.buildtrace.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.source.PdfDocumentPool;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents of a file are closed when the file is evicted, those lent out once they come back. */
class PdfDocumentPoolTests {

    @TempDir
    Path dir;

    @Test
    void evictedFileHasItsIdleDocumentsClosedAtOnceAndItsLentOnesWhenGivenBack() throws Exception {
        Path a = DrawingFixtures.pdfSet("A-101").writeTo(dir.resolve("a.pdf"));
        Path b = DrawingFixtures.pdfSet("A-101").writeTo(dir.resolve("b.pdf"));
        try (PdfDocumentPool pool = new PdfDocumentPool()) {
            PdfDocumentPool.Lease lent = pool.borrow(a);
            PDDocument idle;
            try (PdfDocumentPool.Lease other = pool.borrow(a)) {
                idle = other.document();
            }
            pool.borrow(b).close();
            assertThat(pool.openDocuments()).isEqualTo(3);

            pool.evict(a);

            assertThat(idle.getDocument().isClosed()).isTrue();
            assertThat(lent.document().getDocument().isClosed()).isFalse();
            lent.close();
            assertThat(lent.document().getDocument().isClosed()).isTrue();
            assertThat(pool.openDocuments()).isEqualTo(1);
            try (PdfDocumentPool.Lease again = pool.borrow(a)) {
                assertThat(again.document().getNumberOfPages()).isEqualTo(1);
            }
        }
    }
}
