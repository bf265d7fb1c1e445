/**
 * What the AI features share: their settings ({@code buildtrace.ai.*}), the OpenAI client built from them (the
 * official openai-java client), the per-comparison token and cost budget, token usage and its estimated cost,
 * and the exceptions the API maps to problem details (AI not configured, budget spent, request failed).
 */
package com.buildtrace.ai;
