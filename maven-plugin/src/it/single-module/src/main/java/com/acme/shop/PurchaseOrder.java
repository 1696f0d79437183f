package com.acme.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {
    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(optional = false)
    Customer customer;

    @ManyToOne(optional = false)
    Product product;

    int quantity;
}
