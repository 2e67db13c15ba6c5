/**
 * Who may call the hub: the four roles, one declared rule per endpoint (deny by default), Keycloak tokens for the APIs
 * and single sign-on for the Camunda webapps ({@code hub.security.mode=keycloak}), or DEV-ONLY Basic users ({@code dev}).
 * The realm export lives in {@code src/main/resources/keycloak/retail-hub-realm.json}.
 */
package org.retailhub.security.identity;
