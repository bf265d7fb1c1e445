package com.buildtrace.chat;

import com.buildtrace.ai.TokenUsage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a user's chat about a comparison.
 *
 * @param id its id (null until stored)
 * @param comparisonId the comparison
 * @param userId who asked
 * @param role user (a question) or assistant (an answer)
 * @param content the text
 * @param citedSheets sheets the answer cites, in order of first citation
 * @param citedRegions regions the answer cites
 * @param model the model that answered, else null
 * @param usage tokens and estimated cost of the answer (none for a question)
 * @param createdAt when it was stored (null until then)
 */
public record ChatMessage(Long id, UUID comparisonId, String userId, Role role, String content,
                          List<String> citedSheets, List<RegionRef> citedRegions, String model, TokenUsage usage,
                          OffsetDateTime createdAt) {

    /** Who wrote a message. */
    public enum Role {
        USER, ASSISTANT;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ChatMessage {
        Objects.requireNonNull(comparisonId, "comparisonId");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a chat message belongs to a user");
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        citedSheets = citedSheets == null ? List.of() : List.copyOf(citedSheets);
        citedRegions = citedRegions == null ? List.of() : List.copyOf(citedRegions);
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
