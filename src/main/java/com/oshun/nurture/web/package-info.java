/**
 * What every HTTP edge shares: problem+json answers and field-by-field JSON reading.
 */
package com.oshun.nurture.web;
