package com.buildtrace.compare.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tokens of PDF content streams, including the corners real files use. */
class ContentLexerTests {

    @Test
    void readsNumbersNamesStringsAndOperators() {
        ContentLexer lex = lexer("0.5 -.25 12 /F1#20x Tf (a\\(b\\)\\101) <48 69> [1 (x)] true T*");

        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.NUMBER);
        assertThat(lex.number()).isEqualTo(0.5);
        lex.next();
        assertThat(lex.number()).isEqualTo(-0.25);
        lex.next();
        assertThat(lex.number()).isEqualTo(12);
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.NAME);
        assertThat(lex.text()).isEqualTo("F1 x");
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.OPERATOR);
        assertThat(lex.text()).isEqualTo("Tf");
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.STRING);
        assertThat(new String(lex.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("a(b)A");
        lex.next();
        assertThat(new String(lex.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("Hi");
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.ARRAY_START);
        lex.next();
        lex.next();
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.ARRAY_END);
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.BOOLEAN);
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.OPERATOR);
        assertThat(lex.text()).isEqualTo("T*");
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.EOF);
    }

    @Test
    void skipsCommentsAndReportsInlineDictionaries() {
        ContentLexer lex = lexer("% a comment\n1 0 0 1 5 5 cm << /W 2 >>");

        for (int i = 0; i < 6; i++) {
            assertThat(lex.next()).isEqualTo(ContentLexer.Kind.NUMBER);
        }
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.OPERATOR);
        assertThat(lex.next()).isEqualTo(ContentLexer.Kind.DICT);
    }

    private static ContentLexer lexer(String s) {
        return new ContentLexer(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
