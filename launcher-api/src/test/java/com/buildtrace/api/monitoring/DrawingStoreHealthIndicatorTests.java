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
    void aLocalStoreIsUpWhenItsFolderIsThereOrCanBeMadeAndDownWhenAFileIsInTheWay() throws Exception {
        Path root = Files.createDirectory(dir.resolve("store"));
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        DrawingStoreHealthIndicator there = new DrawingStoreHealthIndicator(new LocalDrawingStore(root));
        DrawingStoreHealthIndicator fresh = new DrawingStoreHealthIndicator(
                new LocalDrawingStore(dir.resolve("fresh/store")));
        DrawingStoreHealthIndicator blocked = new DrawingStoreHealthIndicator(
                new LocalDrawingStore(blocker.resolve("store")));

        assertThat(there.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(fresh.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(blocked.health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(blocked.health(true).getDetails()).containsEntry("folder", blocker.resolve("store").toString());
    }
}
