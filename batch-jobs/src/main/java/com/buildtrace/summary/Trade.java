package com.buildtrace.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The trade (discipline) a change concerns. */
public enum Trade {
    ARCHITECTURAL("Architectural"),
    STRUCTURAL("Structural"),
    MECHANICAL("Mechanical"),
    ELECTRICAL("Electrical"),
    PLUMBING("Plumbing"),
    CIVIL("Civil"),
    FIRE_PROTECTION("Fire protection"),
    OTHER("Other");

    private final String label;

    Trade(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Trade of(String label) {
        for (Trade t : values()) {
            if (t.label.equalsIgnoreCase(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trade: " + label);
    }

    /**
     * The trade a sheet number names by its discipline designator (US National CAD Standard): A-101 and I-201
     * architectural, S structural, M mechanical, E electrical, P plumbing, C civil, F and FP fire protection;
     * anything else, or no number, other.
     */
    public static Trade ofSheetNumber(String number) {
        if (number == null || number.isBlank() || !Character.isLetter(number.strip().charAt(0))) {
            return OTHER;
        }
        return switch (number.strip().toUpperCase(Locale.ROOT).charAt(0)) {
            case 'A', 'I' -> ARCHITECTURAL;
            case 'S' -> STRUCTURAL;
            case 'M' -> MECHANICAL;
            case 'E' -> ELECTRICAL;
            case 'P' -> PLUMBING;
            case 'C' -> CIVIL;
            case 'F' -> FIRE_PROTECTION;
            default -> OTHER;
        };
    }
}
