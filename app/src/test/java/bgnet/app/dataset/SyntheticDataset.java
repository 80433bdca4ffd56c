package bgnet.app.dataset;

import bgnet.model.io.DisparityMap;
import bgnet.model.io.KittiPng;
import bgnet.model.io.PfmFile;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Small stereo datasets in each layout, made on the fly: a random texture and its copy shifted by a
 * known disparity (x_right = x_left - d), with that disparity as ground truth.
 */
final class SyntheticDataset {
    static final float DISPARITY = 6;

    private SyntheticDataset() {
    }

    /** KITTI 2015 training split: image_2, image_3, disp_occ_0, disp_noc_0 with frames 000000_10 ... */
    static void kitti2015(Path root, int frames, int w, int h) throws IOException {
        kitti(root.resolve("training"), "image_2", "image_3", "disp_occ_0", "disp_noc_0", frames, w, h);
    }

    static void kitti2012(Path root, int frames, int w, int h) throws IOException {
        kitti(root.resolve("training"), "colored_0", "colored_1", "disp_occ", "disp_noc", frames, w, h);
    }

    /** One folder per scene (im0, im1, disp0GT.pfm with inf where invalid, mask0nocc.png); sizes[i] = {w, h}. */
    static void scenes(Path root, String[] names, int[][] sizes) throws IOException {
        for (int i = 0; i < names.length; i++) {
            Path scene = Files.createDirectories(root.resolve(names[i]));
            int w = sizes[i][0], h = sizes[i][1];
            writePair(scene.resolve("im0.png"), scene.resolve("im1.png"), w, h, i);
            float[] gt = constant(w, h);
            gt[0] = Float.POSITIVE_INFINITY;
            PfmFile.write(scene.resolve("disp0GT.pfm"), new DisparityMap(w, h, gt));
            int[] mask = new int[w * h];
            Arrays.fill(mask, 255);
            mask[1] = 128; // occluded
            writeGray(scene.resolve("mask0nocc.png"), w, h, mask);
        }
    }

    private static void kitti(Path split, String left, String right, String occ, String noc, int frames, int w, int h)
            throws IOException {
        for (String d : new String[] {left, right, occ, noc}) {
            Files.createDirectories(split.resolve(d));
        }
        for (int i = 0; i < frames; i++) {
            String file = String.format("%06d_10.png", i);
            writePair(split.resolve(left).resolve(file), split.resolve(right).resolve(file), w, h, i);
            // The next time step is in the same folder and is not a pair.
            writePair(split.resolve(left).resolve(String.format("%06d_11.png", i)),
                    split.resolve(right).resolve(String.format("%06d_11.png", i)), w, h, i + 100);
            float[] gt = constant(w, h);
            gt[0] = 0; // invalid
            KittiPng.write(split.resolve(occ).resolve(file), new DisparityMap(w, h, gt));
            gt[1] = 0; // occluded: not in the noc ground truth
            KittiPng.write(split.resolve(noc).resolve(file), new DisparityMap(w, h, gt));
        }
    }

    static void writePair(Path left, Path right, int w, int h, long seed) throws IOException {
        int d = (int) DISPARITY;
        int[] texture = new int[(w + d) * h];
        Random random = new Random(seed);
        for (int i = 0; i < texture.length; i++) {
            texture[i] = random.nextInt(256);
        }
        int[] l = new int[w * h];
        int[] r = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                l[y * w + x] = texture[y * (w + d) + x + d];
                r[y * w + x] = texture[y * (w + d) + x]; // right(x) = left(x + d)
            }
        }
        writeGray(left, w, h, l);
        writeGray(right, w, h, r);
    }

    static void writeGray(Path file, int w, int h, int[] values) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, w, h, 0, values);
        ImageIO.write(img, "png", file.toFile());
    }

    private static float[] constant(int w, int h) {
        float[] gt = new float[w * h];
        Arrays.fill(gt, DISPARITY);
        return gt;
    }
}
