package com.buildtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored sets copied into the local cache: folders of prefixes, reuse of current copies, pinned sets. */
class SetFilesTests {

    private static final String FILES = "projects/p1/sets/s1/revisions/r1/files";

    @TempDir
    Path dir;

    private final DrawingStore store = spy(new GcsDrawingStore(LocalStorageHelper.getOptions().getService(),
            "bt-test"));

    @Test
    void prefixIsCopiedAsAFolderOfItsObjectsInNameOrderAndCurrentCopiesAreReused() throws Exception {
        // given: two files of a revision, written out of order, and an object deeper down
        put(FILES + "/002.png", "second");
        put(FILES + "/001.pdf", "first");
        put(FILES + "/thumbnails/001.png", "not part of the set");
        SetFiles sets = new SetFiles(store, dir.resolve("cache"));

        // when
        LocalSet set = sets.fetch("gs://bt-test/" + FILES, List.of());

        // then
        assertThat(set.path()).isEqualTo(dir.resolve("cache/inputs/gs/bt-test/" + FILES))
                .isEqualTo(sets.where("gs://bt-test/" + FILES));
        assertThat(set.objects()).extracting(o -> o.key().name()).containsExactly("001.pdf", "002.png");
        assertThat(visibleFiles(set.path())).containsExactly("001.pdf", "002.png");
        assertThat(set.path().resolve("001.pdf")).hasContent("first");

        // and: fetched again (another partition, a restart), nothing is downloaded again
        LocalSet again = sets.fetch("gs://bt-test/" + FILES, set.objects());
        new SetFiles(store, dir.resolve("cache")).fetch("gs://bt-test/" + FILES, List.of());
        assertThat(again.path()).isEqualTo(set.path());
        verify(store, times(2)).copyTo(any(), any());
    }

    @Test
    void replacedObjectsAreCopiedAgainAndRemovedOnesLeaveTheFolder() throws Exception {
        put(FILES + "/001.pdf", "first");
        put(FILES + "/002.pdf", "second");
        SetFiles sets = new SetFiles(store, dir.resolve("cache"));
        LocalSet before = sets.fetch("gs://bt-test/" + FILES, List.of());

        put(FILES + "/001.pdf", "first, revised");
        store.delete(new StorageKey(FILES + "/002.pdf"));
        LocalSet after = sets.fetch("gs://bt-test/" + FILES, List.of());

        assertThat(visibleFiles(after.path())).containsExactly("001.pdf");
        assertThat(after.path().resolve("001.pdf")).hasContent("first, revised");
        verify(store, times(2)).copyTo(eq(new StorageKey(FILES + "/001.pdf")), any());
        // a comparison that started with the first version refuses the second
        assertThatExceptionOfType(SetChangedException.class)
                .isThrownBy(() -> sets.fetch("gs://bt-test/" + FILES, before.objects()))
                .withMessage("gs://bt-test/" + FILES + " changed since the comparison started (001.pdf was replaced); "
                        + "start a new comparison of it");
    }

    @Test
    void pinnedSetMissingOrGainingAFileIsRefused() throws Exception {
        put(FILES + "/001.pdf", "first");
        SetFiles sets = new SetFiles(store, dir.resolve("cache"));
        List<StoredObject> pinned = sets.fetch("gs://bt-test/" + FILES, List.of()).objects();

        put(FILES + "/002.pdf", "late upload");

        assertThatExceptionOfType(SetChangedException.class)
                .isThrownBy(() -> sets.fetch("gs://bt-test/" + FILES, pinned)).withMessageContaining("002.pdf was added");
    }

    @Test
    void singleObjectIsCopiedAsAFileAndLocalSetsAreReadWhereTheyAre() throws Exception {
        put("uploads/rev-a.pdf", "%PDF-1.7");
        SetFiles sets = new SetFiles(store, dir.resolve("cache"));

        LocalSet one = sets.fetch("gs://bt-test/uploads/rev-a.pdf", List.of());
        LocalSet local = sets.fetch(dir.resolve("rev-a.pdf").toUri().toString(), List.of());
        LocalSet plain = sets.fetch("relative/rev-a.pdf", List.of());

        assertThat(one.path()).isEqualTo(dir.resolve("cache/inputs/gs/bt-test/uploads/rev-a.pdf")).hasContent("%PDF-1.7");
        assertThat(local.path()).isEqualTo(dir.resolve("rev-a.pdf"));
        assertThat(local.objects()).isEmpty();
        assertThat(plain.path()).isEqualTo(Path.of("relative/rev-a.pdf"));
    }

    @Test
    void missingSetsAndUrisOfOtherStoresAreRefusedNamingThem() {
        SetFiles sets = new SetFiles(store, dir.resolve("cache"));

        assertThatExceptionOfType(NoSuchFileException.class)
                .isThrownBy(() -> sets.fetch("gs://bt-test/projects/none", List.of()))
                .withMessageStartingWith("gs://bt-test/projects/none: no object");
        assertThatIllegalArgumentException().isThrownBy(() -> sets.fetch("gs://other/x.pdf", List.of()))
                .withMessage("gs://other/x.pdf is neither a local file nor in the configured store (gs://bt-test/...)");
        assertThatIllegalArgumentException().isThrownBy(() -> sets.fetch("https://example.com/x.pdf", List.of()));
    }

    @Test
    void processesSharingTheCacheNeverSeeAHalfWrittenCopy() throws Exception {
        // given: a 6 MB object that two "processes" (SetFiles of their own) fetch at once, over and over
        byte[] content = new byte[6 << 20];
        new java.util.Random(3).nextBytes(content);
        store.write(new StorageKey(FILES + "/001.pdf"), new ByteArrayInputStream(content));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> reads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SetFiles process = new SetFiles(store, dir.resolve("cache"));
                reads.add(pool.submit(() -> Files.readAllBytes(
                        process.fetch("gs://bt-test/" + FILES, List.of()).path().resolve("001.pdf"))));
            }
            // then: every one read the whole object
            for (Future<byte[]> read : reads) {
                assertThat(read.get()).isEqualTo(content);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(visibleFiles(dir.resolve("cache/inputs/gs/bt-test/" + FILES))).containsExactly("001.pdf");
        try (var hidden = Files.list(dir.resolve("cache/inputs/gs/bt-test/" + FILES))) {
            assertThat(hidden.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("001.pdf",
                    ".001.pdf.stored");
        }
    }

    private void put(String key, String content) throws Exception {
        store.write(new StorageKey(key), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> visibleFiles(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
