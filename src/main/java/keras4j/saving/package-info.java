/**
 * Keras file formats at the level of config maps and named weight tensors: the Keras 3 {@code .keras} archive
 * ({@link keras4j.saving.KerasArchive}), its {@code model.weights.h5} / {@code .weights.h5} layout
 * ({@link keras4j.saving.H5Weights} over a {@link keras4j.saving.WeightStore}), and the legacy Keras 1/2 {@code .h5}
 * file ({@link keras4j.saving.LegacyH5}).
 *
 * <p>This package does not know layers or models: models turn themselves into configs and weight stores and
 * call it, never the reverse. Reads either return a complete result or throw
 * {@link keras4j.saving.KerasFileException}; writes are atomic. The shared safety rules are in
 * {@link keras4j.saving.Safety}.
 */
package keras4j.saving;
