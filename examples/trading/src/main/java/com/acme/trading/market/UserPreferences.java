package com.acme.trading.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/**
 * A subscriber's display and notification settings; at most one row per subscriber.
 */
@Entity
@Table(name = "user_preferences", schema = "market_data")
public class UserPreferences {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", unique = true, nullable = false)
    private BotSubscriber subscriber;

    @Column(name = "notification_email", length = 255)
    private String notificationEmail;

    @ColumnDefault("'light'")
    @Column(name = "theme", length = 20)
    private String theme;

    @Column(name = "time_zone", length = 64, nullable = false)
    private String timeZone;

    protected UserPreferences() {
    }

    public UserPreferences(BotSubscriber subscriber, String timeZone) {
        this.subscriber = subscriber;
        this.timeZone = timeZone;
    }

    public Long getId() {
        return id;
    }

    public BotSubscriber getSubscriber() {
        return subscriber;
    }

    public String getNotificationEmail() {
        return notificationEmail;
    }

    public void setNotificationEmail(String notificationEmail) {
        this.notificationEmail = notificationEmail;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
