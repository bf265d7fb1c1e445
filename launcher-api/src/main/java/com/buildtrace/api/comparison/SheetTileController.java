package com.buildtrace.api.comparison;

import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.compare.tiles.TileReduction;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /api/v1/comparisons/{id}/sheets/{n}/{image}/tiles}: the tile pyramids of a sheet's full-size images
 * (overlay, old, new), for zooming into a 300-dpi sheet without loading all of it. Read like the images: any
 * member of the comparison's project; others get 404.
 */
@RestController
@Tag(name = "Comparisons")
class SheetTileController {

    /** The images with pyramids, and how their levels are made. */
    static final Map<String, TileReduction> TILED = Map.of("overlay", TileReduction.OVERLAY, "old", TileReduction.GRAY,
            "new", TileReduction.GRAY);

    /** How long a browser keeps a tile whose address names the pyramid's version: for good. */
    private static final CacheControl FOR_GOOD = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final ComparisonRepository comparisons;

    private final DrawingStore store;

    private final SheetTiles tiles;

    SheetTileController(ComparisonRepository comparisons, DrawingStore store, SheetTiles tiles) {
        this.comparisons = comparisons;
        this.store = store;
        this.tiles = tiles;
    }

    @GetMapping("/api/v1/comparisons/{id}/sheets/{n}/{image}/tiles")
    @Operation(summary = "The tile pyramid of a sheet's full-size image (overlay, old or new): its size, tile "
            + "size, levels, version and the address of its tiles")
    ResponseEntity<TilePyramidView> pyramid(Caller caller, @PathVariable UUID id, @PathVariable int n,
                                            @PathVariable String image, WebRequest request) throws IOException {
        StorageKey key = image(caller, id, n, image);
        SheetTiles.Opened p;
        try {
            p = tiles.pyramid(key, TILED.get(image));
        } catch (java.nio.file.NoSuchFileException e) {
            throw gone(id, n, image);
        }
        String etag = "\"" + p.version() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache().cachePrivate())
                .body(TilePyramidView.of(image, p.archive().grid(), p.version(),
                        "/api/v1/comparisons/" + id + "/sheets/" + n + "/" + image));
    }

    @GetMapping("/api/v1/comparisons/{id}/sheets/{n}/{image}/tiles/{level}/{x}/{y}")
    @Operation(summary = "A tile of a sheet's full-size image (PNG): column x and row y of a level of its pyramid; "
            + "kept by the browser for good when v is the pyramid's version")
    ResponseEntity<byte[]> tile(Caller caller, @PathVariable UUID id, @PathVariable int n, @PathVariable String image,
                                @PathVariable int level, @PathVariable int x, @PathVariable int y,
                                @Parameter(description = "the pyramid's version (from its description)")
                                @RequestParam(name = "v", required = false) String version,
                                WebRequest request) throws IOException {
        StorageKey key = image(caller, id, n, image);
        TileReduction reduction = TILED.get(image);
        SheetTiles.Opened p = tiles.forTile(key, reduction);
        if (version != null && !version.equals(p.version())) {
            // an address of another write of the pyramid: look again, the one opened may be the old one
            p = tiles.pyramid(key, reduction);
        }
        if (!p.archive().grid().contains(level, x, y)) {
            throw ApiException.notFound("tile " + level + "/" + x + "/" + y + " of the " + image + " image of sheet " + n
                    + " (levels 0 to " + (p.archive().grid().levels() - 1) + ") in comparison", id);
        }
        String etag = "\"" + p.version() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        SheetTiles.Tile t;
        try {
            t = tiles.tile(key, reduction, p, level, x, y);
        } catch (java.nio.file.NoSuchFileException e) {
            throw gone(id, n, image);
        }
        String current = t.pyramid().version();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag("\"" + current + "\"")
                .cacheControl(current.equals(version) ? FOR_GOOD : CacheControl.noCache().cachePrivate())
                .body(t.png());
    }

    /** The stored image, after checking that the caller may see the comparison. */
    private StorageKey image(Caller caller, UUID id, int n, String image) {
        if (!TILED.containsKey(image)) {
            comparisons.find(caller, id).orElseThrow(() -> ApiException.notFound("comparison", id));
            throw ApiException.notFound("tile pyramid of the '" + image + "' image (overlay, old, new have one) of "
                    + "comparison", id);
        }
        return comparisons.artifactUri(caller, id, n, image).flatMap(store::key).orElseThrow(() -> {
            comparisons.find(caller, id).orElseThrow(() -> ApiException.notFound("comparison", id));
            return gone(id, n, image);
        });
    }

    private static ApiException gone(UUID id, int n, String image) {
        return ApiException.notFound(image + " image of sheet " + n + " in comparison", id);
    }
}
