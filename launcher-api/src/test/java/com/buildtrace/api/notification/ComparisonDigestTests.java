package com.buildtrace.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonDigestTests {

    @Test
    void theOutcomeCountsWhatChangedInWords() {
        assertThat(Digests.completed().headline()).isEqualTo("A-Set rev 3 → rev 4: 7 sheets changed, 1 added, 1 removed");
        assertThat(digest(new ComparisonDigest.Counts(1, 4, 0, 0, 0)).outcome()).isEqualTo("1 sheet changed");
        assertThat(digest(new ComparisonDigest.Counts(0, 4, 2, 0, 0)).outcome()).isEqualTo("2 sheets added");
        assertThat(digest(new ComparisonDigest.Counts(0, 4, 0, 0, 0)).outcome()).isEqualTo("no changes");
        assertThat(digest(new ComparisonDigest.Counts(0, 3, 0, 0, 1)).outcome())
                .isEqualTo("no changes, 1 sheet could not be compared");
        assertThat(Digests.failed().outcome()).isEqualTo("comparison failed");
    }

    @Test
    void theDurationReadsAsPeopleSayIt() {
        assertThat(Digests.completed().took()).isEqualTo("2 min 14 s");
        assertThat(Digests.failed().took()).isEqualTo("4 s");
        assertThat(withDuration(Duration.ofMinutes(63)).took()).isEqualTo("1 h 3 min");
        assertThat(withDuration(null).took()).isEqualTo("did not start");
    }

    @Test
    void atMostFiveTopChangesAreKept() {
        List<ComparisonDigest.Change> seven = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> new ComparisonDigest.Change("A-10" + i, "change " + i, null)).toList();
        ComparisonDigest d = new ComparisonDigest(Digests.ID, "P", "S", "1", "2", false, null, null,
                new ComparisonDigest.Counts(7, 0, 0, 0, 0), List.of(), seven, null, null);

        assertThat(d.topChanges()).extracting(ComparisonDigest.Change::sheet)
                .containsExactly("A-100", "A-101", "A-102", "A-103", "A-104");
    }

    private static ComparisonDigest digest(ComparisonDigest.Counts counts) {
        return new ComparisonDigest(Digests.ID, "P", "S", "1", "2", false, null, Duration.ofSeconds(5), counts,
                List.of(), List.of(), null, null);
    }

    private static ComparisonDigest withDuration(Duration d) {
        return new ComparisonDigest(Digests.ID, "P", "S", "1", "2", false, null, d,
                new ComparisonDigest.Counts(0, 1, 0, 0, 0), List.of(), List.of(), null, null);
    }
}
