package org.dragonflyclient.spring.autoconfigure;

import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code spring.cache.type} picks another cache. Spring Boot's cache types have no
 * value for Dragonfly, and Dragonfly speaks the Redis protocol, so {@code redis} selects it too.
 */
class DragonflyCacheCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("Dragonfly cache");
        BindResult<String> type = Binder.get(context.getEnvironment()).bind("spring.cache.type", String.class);
        if (!type.isBound()) {
            return ConditionOutcome.match(message.because("spring.cache.type is not set"));
        }
        String value = type.get().trim().toUpperCase(Locale.ROOT);
        if (value.equals("REDIS")) {
            return ConditionOutcome.match(message.because("spring.cache.type is redis"));
        }
        return ConditionOutcome.noMatch(message.because("spring.cache.type is " + type.get()));
    }
}
