package com.acme.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "currency", indexes = @Index(name = "currency_name_idx", columnList = "name"))
public class Currency {

    @Id
    @Column(name = "code", columnDefinition = "char(3)")
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @ColumnDefault("2")
    @Column(name = "decimals")
    private Integer decimals;
}
