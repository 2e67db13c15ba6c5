package org.retailhub.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();

    private String ask(String key) {
        return key + "#" + asked.incrementAndGet();
    }

    @Test
    void anAnswerIsReusedWithinTheFreshnessAndAskedAgainAfterIt() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofSeconds(1), 10, nanos::get);

        assertThat(answers.get("STORE-001", this::ask)).isEqualTo("STORE-001#1");
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(answers.get("STORE-001", this::ask)).as("still fresh").isEqualTo("STORE-001#1");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(answers.get("STORE-001", this::ask)).as("a second old: asked again").isEqualTo("STORE-001#2");
    }

    @Test
    void forgettingAndTheBoundMakeItAskAgain() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofMinutes(1), 2, nanos::get);
        answers.get("a", this::ask);
        answers.forget();
        assertThat(answers.get("a", this::ask)).isEqualTo("a#2");

        answers.get("b", this::ask);
        answers.get("c", this::ask);
        assertThat(answers.get("a", this::ask)).as("more keys than the bound: all dropped").isEqualTo("a#5");
    }

    @Test
    void zeroFreshnessAsksEveryTimeAndAFailureIsNotKept() {
        RecentAnswers<String, String> never = new RecentAnswers<>(Duration.ZERO, 10, nanos::get);
        never.get("a", this::ask);
        assertThat(never.get("a", this::ask)).isEqualTo("a#2");

        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofSeconds(1), 10, nanos::get);
        assertThatThrownBy(() -> answers.get("a", key -> {
            throw new IllegalStateException("store not ready");
        })).hasMessage("store not ready");
        assertThat(answers.get("a", this::ask)).isEqualTo("a#3");
    }
}
