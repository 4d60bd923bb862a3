package org.perfeval.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types accepted as evidence, recognised by their content (magic bytes), never by the
 * name or the browser's claim: PDF, PNG, JPEG, and Office files (OOXML zip or legacy OLE2).
 */
enum FileKind {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    OFFICE_OPEN_XML("application/vnd.openxmlformats-officedocument"),
    OFFICE_LEGACY("application/msword");

    private final String contentType;

    FileKind(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static Optional<FileKind> sniff(byte[] head) {
        if (starts(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (starts(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (starts(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        // A zip is only an Office file when it carries the OOXML content-types part.
        if (starts(head, new byte[] {'P', 'K', 3, 4}) && contains(head, "[Content_Types].xml")) {
            return Optional.of(OFFICE_OPEN_XML);
        }
        if (starts(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1})) {
            return Optional.of(OFFICE_LEGACY);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] data, String ascii) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(ascii);
    }
}
