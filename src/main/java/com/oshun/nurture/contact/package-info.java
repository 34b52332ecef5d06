/**
 * Patients and leads: who they are, how to reach them, and the keys that name them.
 */
package com.oshun.nurture.contact;
