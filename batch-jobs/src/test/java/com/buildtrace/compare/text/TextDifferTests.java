package com.buildtrace.compare.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.compare.content.Word;
import com.buildtrace.compare.geom.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text-layer diff on hand-made words: what a person would write in a change list. */
class TextDifferTests {

    private final TextDiffer differ = new TextDiffer();

    @Test
    void aChangedDimensionIsOneReplacement() {
        List<Word> old = line(0, 100, 200, "LIVING", "12'-6\"", "x", "14'-0\"");
        List<Word> neu = line(0, 100, 200, "LIVING", "13'-0\"", "x", "14'-0\"");

        assertThat(differ.diff(old, neu)).extracting(TextChange::kind, TextChange::oldText, TextChange::newText)
                .containsExactly(tuple(TextChange.Kind.REPLACED, "12'-6\"", "13'-0\""));
    }

    @Test
    void adjacentChangedWordsOfALineFormOnePhrase() {
        List<Word> old = line(0, 50, 700, "ISSUED:", "APRIL", "23,", "2021");
        List<Word> neu = line(0, 50, 700, "ISSUED:", "JUNE", "4,", "2021");

        List<TextChange> changes = differ.diff(old, neu);

        assertThat(changes).extracting(TextChange::kind, TextChange::oldText, TextChange::newText)
                .containsExactly(tuple(TextChange.Kind.REPLACED, "APRIL 23,", "JUNE 4,"));
        assertThat(changes.get(0).box().x()).isLessThan(110);
    }

    @Test
    void anAddedNoteAndARemovedWordAreReportedAsSuch() {
        List<Word> old = new ArrayList<>(line(0, 100, 300, "FIRE", "EXTINGUISHER"));
        old.addAll(line(1, 100, 400, "REMOVE", "DOOR"));
        List<Word> neu = new ArrayList<>(line(0, 100, 300, "FIRE", "EXTINGUISHER"));
        neu.addAll(line(1, 400, 500, "VERIFY", "IN", "FIELD"));

        assertThat(differ.diff(old, neu)).extracting(TextChange::kind, TextChange::oldText, TextChange::newText)
                .containsExactly(tuple(TextChange.Kind.REMOVED, "REMOVE DOOR", null),
                        tuple(TextChange.Kind.ADDED, null, "VERIFY IN FIELD"));
    }

    @Test
    void aWordMovedALittleIsNotAChangeOfText() {
        List<Word> old = line(0, 100, 300, "F1");
        List<Word> neu = line(0, 104.5, 295.5, "F1");

        assertThat(differ.diff(old, neu)).isEmpty();
    }

    @Test
    void partOfAWordRunTogetherInThePdfIsRemovedNotReplaced() {
        List<Word> old = line(0, 100, 300, "6'1\"x12'8\"");
        List<Word> neu = List.of(word("x12'8\"", 100 + 4 * 5.4, 300, 0));

        assertThat(differ.diff(old, neu)).extracting(TextChange::kind, TextChange::oldText, TextChange::newText)
                .containsExactly(tuple(TextChange.Kind.REMOVED, "6'1\"", null));
    }

    @Test
    void aOneCharacterChangeOfAnIdStaysAReplacement() {
        assertThat(differ.diff(line(0, 100, 300, "E-13"), line(0, 100, 300, "E-135")))
                .extracting(TextChange::kind, TextChange::oldText, TextChange::newText)
                .containsExactly(tuple(TextChange.Kind.REPLACED, "E-13", "E-135"));
    }

    /** Words on one baseline, 9 pt text, each character 5.4 pt wide, one space between words. */
    static List<Word> line(int lineIndex, double x, double y, String... texts) {
        List<Word> out = new ArrayList<>();
        double at = x;
        for (String t : texts) {
            out.add(word(t, at, y, lineIndex));
            at += t.length() * 5.4 + 2.5;
        }
        return out;
    }

    static Word word(String text, double x, double y, int lineIndex) {
        double w = text.length() * 5.4;
        return new Word(text, new Box(x, y - 7, w, 9), x, y, x + w, y, 9, lineIndex);
    }
}
