/**
 * What every page shares: the error pages, pagination of lists, and the card that stands for an op-ed in a
 * list, whichever feature draws the list.
 */
package fr.tribunes.system;
