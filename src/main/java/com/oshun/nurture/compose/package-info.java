/**
 * Writing each message for its person: the composers and what they are given.
 */
package com.oshun.nurture.compose;
