package com.buildtrace.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.content.Word;
import com.buildtrace.compare.geom.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sheet number is the title block's, not the circuit or grid tags that look like one. */
class SheetIdentifierTests {

    private final SheetIdentifier identifier = new SheetIdentifier();

    @Test
    void picksTheLargeNumberInTheTitleBlockOverRepeatedTags() {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            words.add(word("E-13", 200 + i * 40, 400, 7, i));
        }
        words.add(word("E-2", 600, 500, 7, 30));
        words.add(word("SHEET", 2800, 2040, 6, 40));
        words.add(word("E201A", 2800, 2090, 28, 41));
        words.add(word("FLOOR", 2800, 1980, 12, 42));
        words.add(word("PLAN", 2850, 1980, 12, 42));
        PageContent content = new PageContent(words, 43, new float[0], 0, 0, 0);

        SheetId id = identifier.identify(content, 3024, 2160, 0);

        assertThat(id.number()).isEqualTo("E201A");
        assertThat(id.title()).isEqualTo("FLOOR PLAN");
        assertThat(id.source()).isEqualTo(SheetId.Source.TEXT);
    }

    @Test
    void readsCommonNumberStyles() {
        for (String n : List.of("A-101", "S2.1", "A101-A", "M-401.1", "G001")) {
            PageContent content = new PageContent(List.of(word(n, 1000, 740, 24, 0)), 1, new float[0], 0, 0, 0);

            assertThat(identifier.identify(content, 1224, 792, 3).number()).as(n).isEqualTo(n);
        }
    }

    @Test
    void fallsBackToThePageIndexWithoutATextLayer() {
        SheetId id = identifier.identify(PageContent.empty(), 1224, 792, 4);

        assertThat(id.number()).isNull();
        assertThat(id.label()).isEqualTo("page 5");
    }

    @Test
    void doesNotTakeAPaperSizeForASheetNumber() {
        PageContent content = new PageContent(List.of(word("A1", 1100, 760, 10, 0)), 1, new float[0], 0, 0, 0);

        assertThat(identifier.identify(content, 1224, 792, 0).number()).isNull();
    }

    private static Word word(String text, double x, double y, double size, int line) {
        double w = text.length() * size * 0.6;
        return new Word(text, new Box(x, y - size * 0.8, w, size), x, y, x + w, y, size, line);
    }
}
