package com.buildtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTests {

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc/passwd", "projects/../../etc", "a/../b", "a/..", "/abs", "/", "a//b",
        "a/", "a\\b", "..\\win", "a/./b", ".", ".hidden", "a/b\u0000c", "a\nb", "a\tb", "a b", "a/%2e%2e",
        "c:/windows", "~/x", "a/b?c", "é", "a..b"})
    void keysThatCouldLeaveTheStoreOrAreNotOursAreRejected(String path) {
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageKey(path));
    }

    @Test
    void emptyAndOverlongKeysAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageKey(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageKey("a/".repeat(512) + "a"));
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageKey("a".repeat(201)));
    }

    @Test
    void keysMadeOfIdsAndNamesAreAccepted() {
        assertThat(new StorageKey("comparisons/6f1c/sheets/sheet-003-A-101/overlay.png").name())
                .isEqualTo("overlay.png");
        assertThat(new StorageKey("_x/1.2.pdf").name()).isEqualTo("1.2.pdf");
    }

    @Test
    void resolveAddsSegmentsAndRelativeToTakesThemOff() {
        StorageKey prefix = StorageKey.of("comparisons", "c1");
        StorageKey file = prefix.resolve("sheets", "sheet-001", "overlay.png");

        assertThat(file.path()).isEqualTo("comparisons/c1/sheets/sheet-001/overlay.png");
        assertThat(file.relativeTo(prefix)).isEqualTo("sheets/sheet-001/overlay.png");
        assertThatIllegalArgumentException().isThrownBy(() -> prefix.resolve(".."));
        assertThatIllegalArgumentException().isThrownBy(() -> prefix.resolve("a/../../b"));
        // a prefix of the text is not a prefix of the key
        assertThatIllegalArgumentException().isThrownBy(() -> StorageKey.of("comparisons", "c10").relativeTo(prefix));
        assertThatIllegalArgumentException().isThrownBy(() -> prefix.relativeTo(prefix));
    }

    @Test
    void layoutBuildsKeysFromIds() {
        UUID p = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID s = UUID.fromString("00000000-0000-0000-0000-000000000002");
        UUID r = UUID.fromString("00000000-0000-0000-0000-000000000003");

        assertThat(StorageLayout.revisionFile(p, s, r, 0, "pdf").path()).isEqualTo("projects/" + p + "/sets/" + s
                + "/revisions/" + r + "/files/001.pdf");
        assertThat(StorageLayout.revisionFile(p, s, r, 11, "png").name()).isEqualTo("012.png");
        assertThat(StorageLayout.comparison(p).path()).isEqualTo("comparisons/" + p);
        assertThatIllegalArgumentException().isThrownBy(() -> StorageLayout.revisionFile(p, s, r, 0, "../x"));
    }
}
