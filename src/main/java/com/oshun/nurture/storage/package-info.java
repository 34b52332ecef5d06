/**
 * The database: an embedded PostgreSQL when no external one is configured, and small
 * helpers for mapping its types.
 */
package com.oshun.nurture.storage;
