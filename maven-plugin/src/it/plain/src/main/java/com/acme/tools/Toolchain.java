package com.acme.tools;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

@Entity
public class Toolchain {
    @Id
    Long id;

    String vendor;

    @Enumerated(EnumType.STRING)
    TiesStrategy ties;
}
