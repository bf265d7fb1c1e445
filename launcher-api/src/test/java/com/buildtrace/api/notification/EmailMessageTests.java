package com.buildtrace.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMessageTests {

    @Test
    void aCompletedComparisonSaysWhatChangedInTheSubjectTextAndHtml() {
        EmailMessage m = EmailMessage.of(Digests.completed(), false);

        assertThat(m.subject()).isEqualTo("[Harbor <Clinic> & Co] A-Set rev 3 → rev 4: 7 sheets changed, 1 added, "
                + "1 removed");
        assertThat(m.text()).contains(
                "Compared in 2 min 14 s. 12 sheets: 7 changed, 1 added, 1 removed, 3 unchanged.",
                "The east wing was re-planned.",
                "Top changes\n  - A-101: Door D3 moved 4 ft east (high)\n  - A-103: Text changed: 12'-6\" → 13'-0\" "
                        + "(medium)\n",
                "Changed sheets (7)\n  - A-101 Floor plan: 7 changes\n  - A-102: 6 changes\n",
                "Added sheets (1)\n  - A-501 Details\n", "Removed sheets (1)\n  - A-900\n",
                "Open the comparison: " + Digests.LINK)
                .doesNotContain("could not be compared");
        // names from users are escaped in the HTML
        assertThat(m.html()).contains("Project: Harbor &lt;Clinic&gt; &amp; Co",
                "<li><strong>A-103</strong>: Text changed: 12&#39;-6&quot; → 13&#39;-0&quot; (medium)</li>",
                "<a href=\"" + Digests.LINK + "\"")
                .doesNotContain("<Clinic>");
    }

    @Test
    void aFailedComparisonSaysWhyAndWhichSheetsFailed() {
        EmailMessage m = EmailMessage.of(Digests.failed(), false);

        assertThat(m.subject()).isEqualTo("[Clinic] Structural Rev A → Rev B: comparison failed");
        assertThat(m.text()).contains("The comparison failed: the new set is not a PDF: s-rev-b.pdf",
                "Sheets that could not be compared (2)\n  - S-201: page 3 could not be rendered\n"
                        + "  - S-202: page 4 could not be rendered")
                .doesNotContain("Open the comparison").doesNotContain("Top changes");
        assertThat(m.html()).contains("<strong>The comparison failed:</strong> the new set is not a PDF");
    }

    @Test
    void aTestSaysItIsOne() {
        assertThat(EmailMessage.of(Digests.completed(), true).subject()).startsWith("[Test] [Harbor <Clinic> & Co] ");
        assertThat(EmailMessage.of(Digests.completed(), true).text()).startsWith("This is a test notification");
        EmailMessage plain = EmailMessage.test("Clinic", null);
        assertThat(plain.subject()).isEqualTo("[Test] [Clinic] Notifications from BuildTrace reach you");
        assertThat(plain.text()).doesNotContain("The project:");
    }

    @Test
    void longListsOfSheetsAreCut() {
        java.util.List<ComparisonDigest.Sheet> many = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new ComparisonDigest.Sheet("A-" + (100 + i), null, "added", null)).toList();
        ComparisonDigest d = new ComparisonDigest(Digests.ID, "P", "S", "1", "2", false, null, null,
                new ComparisonDigest.Counts(0, 0, 40, 0, 0), many, java.util.List.of(), null, null);

        String text = EmailMessage.of(d, false).text();

        assertThat(text).contains("  - A-124\n  and 15 more\n").doesNotContain("A-125");
    }
}
