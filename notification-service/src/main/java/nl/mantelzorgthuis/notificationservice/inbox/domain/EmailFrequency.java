package nl.mantelzorgthuis.notificationservice.inbox.domain;

/** How often a person wants e-mail about what they follow. */
public enum EmailFrequency { OFF, IMMEDIATE, DAILY, WEEKLY }
