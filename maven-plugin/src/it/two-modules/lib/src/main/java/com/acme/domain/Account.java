package com.acme.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {
    @Id
    Long id;

    String displayName;
}
