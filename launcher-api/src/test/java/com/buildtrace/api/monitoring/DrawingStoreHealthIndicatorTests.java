package com.buildtrace.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.storage.LocalDrawingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

class DrawingStoreHealthIndicatorTests {

    @TempDir
    Path dir;

    @Test
    void aLocalStoreIsUpWhenItsFolderIsThereAndDownWhenItIsNot() throws Exception {
        Path root = Files.createDirectory(dir.resolve("store"));
        DrawingStoreHealthIndicator there = new DrawingStoreHealthIndicator(new LocalDrawingStore(root));
        DrawingStoreHealthIndicator gone = new DrawingStoreHealthIndicator(
                new LocalDrawingStore(dir.resolve("missing")));

        assertThat(there.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(gone.health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(gone.health(true).getDetails()).containsEntry("folder", dir.resolve("missing").toString());
    }
}
