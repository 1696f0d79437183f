package com.acme.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

@Entity
public class Invoice {
    @Id
    Long id;

    @ManyToOne(optional = false)
    Account billedAccount;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal totalAmount;
}
