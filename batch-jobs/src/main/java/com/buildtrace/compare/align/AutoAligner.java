package com.buildtrace.compare.align;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.geom.Transforms;
import java.awt.geom.AffineTransform;

/**
 * Picks the most exact evidence available: matched words, then path end points (started from the words'
 * answer, from "unmoved", or from pixels), then pixels alone. Anything that explains too little of the
 * sheets is reported as a failed alignment.
 */
public final class AutoAligner implements PageAligner {

    /** Path end points needed on both sheets to use them. */
    static final int MIN_ANCHORS = 50;

    /** Share of matched path end points for a vector alignment to count. */
    static final double MIN_ANCHOR_SHARE = 0.3;

    /** Share of matched unique words for a text alignment to count. */
    static final double MIN_WORD_SHARE = 0.4;

    /** ECC correlation for a pixel alignment to count. */
    static final double MIN_CORRELATION = 0.35;

    /** Alignments closer to "unmoved" than this at every corner are snapped to it, in points. */
    static final double IDENTITY_SNAP_PT = 0.01;

    private final TextAligner text = new TextAligner();

    private final AnchorAligner anchors = new AnchorAligner();

    private final EccAligner ecc = new EccAligner();

    @Override
    public Alignment align(AlignmentInput oldSheet, AlignmentInput newSheet) {
        PageContent oc = oldSheet.content();
        PageContent nc = newSheet.content();
        double w = newSheet.widthPt();
        double h = newSheet.heightPt();
        boolean vector = oc.anchorCount() >= MIN_ANCHORS && nc.anchorCount() >= MIN_ANCHORS;

        TextAligner.Result byText = oc.words().size() >= TextAligner.MIN_WORDS
                && nc.words().size() >= TextAligner.MIN_WORDS ? text.align(oc.words(), nc.words()) : null;
        if (byText != null && byText.confidence() < MIN_WORD_SHARE) {
            byText = null;
        }
        if (vector) {
            AffineTransform start = byText != null ? byText.transform() : new AffineTransform();
            AnchorAligner.Result refined = anchors.refine(oc.anchors(), nc.anchors(), start,
                    byText != null ? 1.0 : 2.0, w, h);
            if (refined.inlierShare() < MIN_ANCHOR_SHARE && byText == null) {
                // not unmoved and no words to go by: let the pixels find the neighbourhood first
                EccAligner.Result coarse = ecc.align(oldSheet, newSheet);
                if (coarse != null) {
                    refined = anchors.refine(oc.anchors(), nc.anchors(), coarse.transform(), 4.0, w, h);
                }
            }
            if (refined.inlierShare() >= MIN_ANCHOR_SHARE) {
                Alignment.Method method = byText != null ? Alignment.Method.TEXT : Alignment.Method.VECTOR;
                double confidence = Math.max(refined.inlierShare(), byText != null ? byText.confidence() : 0);
                return finish(refined.transform(), method, confidence, refined.residualPt(), w, h);
            }
        }
        if (byText != null) {
            return finish(byText.transform(), Alignment.Method.TEXT, byText.confidence(), byText.residualPt(), w, h);
        }
        EccAligner.Result byPixels = ecc.align(oldSheet, newSheet);
        if (byPixels == null || byPixels.correlation() < MIN_CORRELATION) {
            return Alignment.failed();
        }
        return finish(byPixels.transform(), Alignment.Method.RASTER, byPixels.correlation(), Double.NaN, w, h);
    }

    private static Alignment finish(AffineTransform t, Alignment.Method method, double confidence, double residual,
                                    double w, double h) {
        if (Transforms.cornerDistance(t, new AffineTransform(), w, h) < IDENTITY_SNAP_PT) {
            return Alignment.identity(confidence);
        }
        return new Alignment(Transforms.toMatrix(t), method, confidence, residual, true);
    }
}
