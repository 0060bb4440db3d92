/** The map benchmark (bench/map.sh): generated regions, figures and boundaries, never demo data. */
package org.yardstick.maps.bench;
