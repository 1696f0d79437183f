package com.acme.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "orderline")
public class OrderLine {

    @Id
    private Long id;

    @Column(name = "productcode", length = 40, nullable = false)
    private String productCode;

    @Column(name = "unitprice", precision = 12, scale = 2)
    private BigDecimal unitPrice;
}
