package keras4j.layers;


/** Registers keras4j's built-in layers with {@link Layers}; one line per layer class. */
final class BuiltinLayers {
    private BuiltinLayers() {}

    static void registerAll() {
        Layers.register("Dense", Dense::fromConfig);
        Layers.register("Activation", Activation::fromConfig);
        Layers.register("Lambda", Lambda::fromConfig);
        Layers.register("Masking", Masking::fromConfig);
        Layers.register("Dropout", Dropout::fromConfig);
        Layers.register("ActivityRegularization", ActivityRegularization::fromConfig);
        Layers.register("Flatten", Flatten::fromConfig);
        Layers.register("Reshape", Reshape::fromConfig);
        Layers.register("Permute", Permute::fromConfig);
        Layers.register("RepeatVector", RepeatVector::fromConfig);
        Layers.register("ReLU", ReLU::fromConfig);
        Layers.register("LeakyReLU", LeakyReLU::fromConfig);
        Layers.register("PReLU", PReLU::fromConfig);
        Layers.register("ELU", ELU::fromConfig);
        Layers.register("ThresholdedReLU", ThresholdedReLU::fromConfig);
        Layers.register("Softmax", Softmax::fromConfig);
        Layers.register("Add", keras4j.layers.Add::fromConfig);
        Layers.register("Subtract", keras4j.layers.Subtract::fromConfig);
        Layers.register("Multiply", keras4j.layers.Multiply::fromConfig);
        Layers.register("Average", keras4j.layers.Average::fromConfig);
        Layers.register("Maximum", keras4j.layers.Maximum::fromConfig);
        Layers.register("Minimum", keras4j.layers.Minimum::fromConfig);
        Layers.register("Concatenate", keras4j.layers.Concatenate::fromConfig);
        Layers.register("Dot", keras4j.layers.Dot::fromConfig);
        Layers.register("Conv1D", keras4j.layers.Conv1D::fromConfig);
        Layers.register("Conv2D", keras4j.layers.Conv2D::fromConfig);
        Layers.register("Conv3D", keras4j.layers.Conv3D::fromConfig);
        Layers.register("Conv1DTranspose", keras4j.layers.Conv1DTranspose::fromConfig);
        Layers.register("Conv2DTranspose", keras4j.layers.Conv2DTranspose::fromConfig);
        Layers.register("Conv3DTranspose", keras4j.layers.Conv3DTranspose::fromConfig);
        Layers.register("SeparableConv1D", keras4j.layers.SeparableConv1D::fromConfig);
        Layers.register("SeparableConv2D", keras4j.layers.SeparableConv2D::fromConfig);
        Layers.register("DepthwiseConv1D", keras4j.layers.DepthwiseConv1D::fromConfig);
        Layers.register("DepthwiseConv2D", keras4j.layers.DepthwiseConv2D::fromConfig);
        Layers.register("MaxPooling1D", keras4j.layers.MaxPooling1D::fromConfig);
        Layers.register("MaxPooling2D", keras4j.layers.MaxPooling2D::fromConfig);
        Layers.register("MaxPooling3D", keras4j.layers.MaxPooling3D::fromConfig);
        Layers.register("AveragePooling1D", keras4j.layers.AveragePooling1D::fromConfig);
        Layers.register("AveragePooling2D", keras4j.layers.AveragePooling2D::fromConfig);
        Layers.register("AveragePooling3D", keras4j.layers.AveragePooling3D::fromConfig);
        Layers.register("GlobalMaxPooling1D", keras4j.layers.GlobalMaxPooling1D::fromConfig);
        Layers.register("GlobalMaxPooling2D", keras4j.layers.GlobalMaxPooling2D::fromConfig);
        Layers.register("GlobalMaxPooling3D", keras4j.layers.GlobalMaxPooling3D::fromConfig);
        Layers.register("GlobalAveragePooling1D", keras4j.layers.GlobalAveragePooling1D::fromConfig);
        Layers.register("GlobalAveragePooling2D", keras4j.layers.GlobalAveragePooling2D::fromConfig);
        Layers.register("GlobalAveragePooling3D", keras4j.layers.GlobalAveragePooling3D::fromConfig);
        Layers.register("BatchNormalization", keras4j.layers.BatchNormalization::fromConfig);
        Layers.register("LayerNormalization", keras4j.layers.LayerNormalization::fromConfig);
        Layers.register("UpSampling1D", keras4j.layers.UpSampling1D::fromConfig);
        Layers.register("UpSampling2D", keras4j.layers.UpSampling2D::fromConfig);
        Layers.register("UpSampling3D", keras4j.layers.UpSampling3D::fromConfig);
        Layers.register("ZeroPadding1D", keras4j.layers.ZeroPadding1D::fromConfig);
        Layers.register("ZeroPadding2D", keras4j.layers.ZeroPadding2D::fromConfig);
        Layers.register("ZeroPadding3D", keras4j.layers.ZeroPadding3D::fromConfig);
        Layers.register("Cropping1D", keras4j.layers.Cropping1D::fromConfig);
        Layers.register("Cropping2D", keras4j.layers.Cropping2D::fromConfig);
        Layers.register("Cropping3D", keras4j.layers.Cropping3D::fromConfig);
        Layers.register("SpatialDropout1D", keras4j.layers.SpatialDropout1D::fromConfig);
        Layers.register("SpatialDropout2D", keras4j.layers.SpatialDropout2D::fromConfig);
        Layers.register("SpatialDropout3D", keras4j.layers.SpatialDropout3D::fromConfig);
        Layers.register("Embedding", keras4j.layers.Embedding::fromConfig);
        Layers.register("SimpleRNN", keras4j.layers.SimpleRNN::fromConfig);
        Layers.register("LSTM", keras4j.layers.LSTM::fromConfig);
        Layers.register("GRU", keras4j.layers.GRU::fromConfig);
        Layers.register("Bidirectional", keras4j.layers.Bidirectional::fromConfig);
        Layers.register("TimeDistributed", keras4j.layers.TimeDistributed::fromConfig);
    }
}
