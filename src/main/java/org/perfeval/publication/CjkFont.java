package org.perfeval.publication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

/**
 * The embedded CJK font of published PDFs, taken from an installed font package (Debian
 * fonts-wqy-microhei by default; see docs/publication.md), never downloaded. The first path that
 * loads wins; without one, publication still happens and the PDF is left out.
 */
public final class CjkFont {
    public static final List<String> DEFAULT_PATHS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/arphic/uming.ttc,0");

    private CjkFont() {
    }

    /** The first font that loads, or null when none of the paths holds a usable font. */
    public static BaseFont find(List<String> paths) {
        for (String spec : paths) {
            String file = spec.contains(",") ? spec.substring(0, spec.lastIndexOf(',')) : spec;
            if (!Files.isReadable(Path.of(file))) {
                continue;
            }
            try {
                // From memory: subsetting reads glyphs at random; from the file that cost ~0.4 s per PDF.
                byte[] bytes = Files.readAllBytes(Path.of(file));
                String name = Path.of(file).getFileName() + spec.substring(file.length());
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.CACHED, bytes, null);
            } catch (Exception e) {
                // not a font OpenPDF can embed: try the next one
            }
        }
        return null;
    }
}
