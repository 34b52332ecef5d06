/**
 * Enrollments of contacts in sequences: who enrolls in what, the state of each
 * enrollment, and the progress of its steps from planned to sent.
 */
package com.oshun.nurture.enrollment;
