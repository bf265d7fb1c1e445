package com.buildtrace.ai;

/**
 * Token counts estimated before a request is sent, to keep it within a budget: about four characters a token
 * for English and JSON, and OpenAI's published count for an image at high detail (scaled to fit 2048 px,
 * then its short side to 768 px; 170 tokens per 512 px tile plus 85).
 */
public final class TokenEstimate {

    private TokenEstimate() {
    }

    public static long text(String s) {
        return s == null ? 0 : (s.length() + 3) / 4;
    }

    public static long image(int width, int height) {
        double w = width;
        double h = height;
        double fit = Math.min(1, 2048 / Math.max(w, h));
        w *= fit;
        h *= fit;
        double shortSide = Math.min(1, 768 / Math.min(w, h));
        w *= shortSide;
        h *= shortSide;
        long tiles = (long) Math.ceil(w / 512) * (long) Math.ceil(h / 512);
        return 85 + 170 * tiles;
    }
}
