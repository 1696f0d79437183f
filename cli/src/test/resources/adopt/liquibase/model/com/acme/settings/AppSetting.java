package com.acme.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "app_setting")
public class AppSetting {

    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Column(name = "value", length = 500)
    private String value;

    @Column(name = "amount", precision = 12, scale = 2)
    private BigDecimal amount;
}
