package nl.mantelzorgthuis.gateway.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * Portal sessions in Redis ({@code platform.session.store=redis}), so any gateway replica serves
 * any logged-in browser and a login may start on one replica and finish on another. The local
 * platform, with one gateway, keeps them in memory (the default).
 */
@Configuration
@ConditionalOnProperty(name = "platform.session.store", havingValue = "redis")
@EnableRedisWebSession(redisNamespace = "mantelzorg:gateway:session")
class SessionStoreConfig {
}
