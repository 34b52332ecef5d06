/**
 * The database: an embedded PostgreSQL when no external one is configured (behind a
 * generated password, started again should it die, its disk in the health), which
 * failures mean the database cannot do the work now, and small helpers for mapping its
 * types.
 */
package com.oshun.nurture.storage;
