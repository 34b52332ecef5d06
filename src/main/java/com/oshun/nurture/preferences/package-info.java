/**
 * What Karen learned about each contact, as preferences with a confidence and their
 * evidence.
 */
package com.oshun.nurture.preferences;
