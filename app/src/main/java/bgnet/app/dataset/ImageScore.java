package bgnet.app.dataset;

/**
 * One image's scores.
 *
 * @param name the pair's name
 * @param all  over every pixel with valid ground truth
 * @param noc  over the non-occluded ones; null when the dataset gives no mask
 */
public record ImageScore(String name, Scores all, Scores noc) {
}
