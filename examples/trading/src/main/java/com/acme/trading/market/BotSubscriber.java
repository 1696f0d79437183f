package com.acme.trading.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user subscribed to the trading bot, identified by their user id and the chat the bot
 * talks to them in.
 */
@Entity
@Table(name = "bot_subscribers", schema = "market_data")
public class BotSubscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "user_id", unique = true, nullable = false)
    private Long userId;

    @Column(name = "chat_id", nullable = false)
    private Long chatId;

    @Column(name = "subscribed_at", nullable = false)
    private Instant subscribedAt;

    protected BotSubscriber() {
    }

    public BotSubscriber(Long userId, Long chatId, Instant subscribedAt) {
        this.userId = userId;
        this.chatId = chatId;
        this.subscribedAt = subscribedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getChatId() {
        return chatId;
    }

    public void setChatId(Long chatId) {
        this.chatId = chatId;
    }

    public Instant getSubscribedAt() {
        return subscribedAt;
    }
}
