/**
 * Layers: Keras's {@code keras.layers} in Java, with Keras 3's defaults, shape rules and configs.
 *
 * <p>The base contract is {@link keras4j.layers.Layer} (fluent options from {@link keras4j.layers.AbstractLayer});
 * {@link keras4j.layers.Layers} rebuilds layers from Keras configs. Layers are grouped by family as in Keras:
 * <ul>
 *   <li>{@code core}: {@code Input}, {@code InputLayer}, {@code Dense}, {@code Activation}, {@code Lambda}, {@code Masking};</li>
 *   <li>{@code regularization}: {@code Dropout}, {@code ActivityRegularization};</li>
 *   <li>{@code reshaping}: {@code Flatten}, {@code Reshape}, {@code Permute}, {@code RepeatVector};</li>
 *   <li>{@code activations}: {@code ReLU}, {@code LeakyReLU}, {@code PReLU}, {@code ELU}, {@code Softmax}, and Keras 2's
 *       {@code ThresholdedReLU}.</li>
 * </ul>
 *
 * <h2>Masking</h2>
 * A mask ({@code (batch, timesteps)}, 1 = keep, 0 = skip) is made by {@code Masking} (and {@code Embedding(mask_zero)})
 * and flows to the layers after it. As in Keras 3 ({@code supports_masking}):
 * <ul>
 *   <li>mask-aware, passing the mask on unchanged: {@code Dense}, {@code Activation}, {@code Dropout},
 *       {@code ActivityRegularization}, {@code ReLU}, {@code LeakyReLU}, {@code PReLU}, {@code ELU},
 *       {@code ThresholdedReLU};</li>
 *   <li>{@code Softmax}: uses the mask (masked positions get no probability) and passes it on;</li>
 *   <li>{@code Masking}: replaces any incoming mask with the one it computes from its input;</li>
 *   <li>not mask-aware, dropping the mask: {@code Flatten}, {@code Reshape}, {@code Permute}, {@code RepeatVector},
 *       {@code Lambda}.</li>
 * </ul>
 */
package keras4j.layers;
