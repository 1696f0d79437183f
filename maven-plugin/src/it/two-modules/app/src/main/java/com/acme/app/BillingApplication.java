package com.acme.app;

/** The application that uses the entities of billing-domain. */
public final class BillingApplication {
    public static void main(String[] args) {
        System.out.println(com.acme.domain.Invoice.class.getName());
    }
}
