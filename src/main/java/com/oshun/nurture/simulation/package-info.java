/**
 * Running the real engine against a virtual clock with synthetic contacts, to see what a
 * clinic's patients would receive before switching Nurture on.
 */
package com.oshun.nurture.simulation;
