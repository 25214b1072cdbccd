package keras4j.layers;

import keras4j.layers.activations.ELU;
import keras4j.layers.activations.LeakyReLU;
import keras4j.layers.activations.PReLU;
import keras4j.layers.activations.ReLU;
import keras4j.layers.activations.Softmax;
import keras4j.layers.activations.ThresholdedReLU;
import keras4j.layers.core.Activation;
import keras4j.layers.core.Dense;
import keras4j.layers.core.Lambda;
import keras4j.layers.core.Masking;
import keras4j.layers.regularization.ActivityRegularization;
import keras4j.layers.regularization.Dropout;
import keras4j.layers.reshaping.Flatten;
import keras4j.layers.reshaping.Permute;
import keras4j.layers.reshaping.RepeatVector;
import keras4j.layers.reshaping.Reshape;

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
        Layers.register("Add", keras4j.layers.merging.Add::fromConfig);
        Layers.register("Subtract", keras4j.layers.merging.Subtract::fromConfig);
        Layers.register("Multiply", keras4j.layers.merging.Multiply::fromConfig);
        Layers.register("Average", keras4j.layers.merging.Average::fromConfig);
        Layers.register("Maximum", keras4j.layers.merging.Maximum::fromConfig);
        Layers.register("Minimum", keras4j.layers.merging.Minimum::fromConfig);
        Layers.register("Concatenate", keras4j.layers.merging.Concatenate::fromConfig);
        Layers.register("Dot", keras4j.layers.merging.Dot::fromConfig);
        Layers.register("Conv1D", keras4j.layers.convolutional.Conv1D::fromConfig);
        Layers.register("Conv2D", keras4j.layers.convolutional.Conv2D::fromConfig);
        Layers.register("Conv3D", keras4j.layers.convolutional.Conv3D::fromConfig);
        Layers.register("Conv1DTranspose", keras4j.layers.convolutional.Conv1DTranspose::fromConfig);
        Layers.register("Conv2DTranspose", keras4j.layers.convolutional.Conv2DTranspose::fromConfig);
        Layers.register("Conv3DTranspose", keras4j.layers.convolutional.Conv3DTranspose::fromConfig);
        Layers.register("SeparableConv1D", keras4j.layers.convolutional.SeparableConv1D::fromConfig);
        Layers.register("SeparableConv2D", keras4j.layers.convolutional.SeparableConv2D::fromConfig);
        Layers.register("DepthwiseConv1D", keras4j.layers.convolutional.DepthwiseConv1D::fromConfig);
        Layers.register("DepthwiseConv2D", keras4j.layers.convolutional.DepthwiseConv2D::fromConfig);
        Layers.register("MaxPooling1D", keras4j.layers.pooling.MaxPooling1D::fromConfig);
        Layers.register("MaxPooling2D", keras4j.layers.pooling.MaxPooling2D::fromConfig);
        Layers.register("MaxPooling3D", keras4j.layers.pooling.MaxPooling3D::fromConfig);
        Layers.register("AveragePooling1D", keras4j.layers.pooling.AveragePooling1D::fromConfig);
        Layers.register("AveragePooling2D", keras4j.layers.pooling.AveragePooling2D::fromConfig);
        Layers.register("AveragePooling3D", keras4j.layers.pooling.AveragePooling3D::fromConfig);
        Layers.register("GlobalMaxPooling1D", keras4j.layers.pooling.GlobalMaxPooling1D::fromConfig);
        Layers.register("GlobalMaxPooling2D", keras4j.layers.pooling.GlobalMaxPooling2D::fromConfig);
        Layers.register("GlobalMaxPooling3D", keras4j.layers.pooling.GlobalMaxPooling3D::fromConfig);
        Layers.register("GlobalAveragePooling1D", keras4j.layers.pooling.GlobalAveragePooling1D::fromConfig);
        Layers.register("GlobalAveragePooling2D", keras4j.layers.pooling.GlobalAveragePooling2D::fromConfig);
        Layers.register("GlobalAveragePooling3D", keras4j.layers.pooling.GlobalAveragePooling3D::fromConfig);
        Layers.register("BatchNormalization", keras4j.layers.normalization.BatchNormalization::fromConfig);
        Layers.register("LayerNormalization", keras4j.layers.normalization.LayerNormalization::fromConfig);
        Layers.register("UpSampling1D", keras4j.layers.reshaping.UpSampling1D::fromConfig);
        Layers.register("UpSampling2D", keras4j.layers.reshaping.UpSampling2D::fromConfig);
        Layers.register("UpSampling3D", keras4j.layers.reshaping.UpSampling3D::fromConfig);
        Layers.register("ZeroPadding1D", keras4j.layers.reshaping.ZeroPadding1D::fromConfig);
        Layers.register("ZeroPadding2D", keras4j.layers.reshaping.ZeroPadding2D::fromConfig);
        Layers.register("ZeroPadding3D", keras4j.layers.reshaping.ZeroPadding3D::fromConfig);
        Layers.register("Cropping1D", keras4j.layers.reshaping.Cropping1D::fromConfig);
        Layers.register("Cropping2D", keras4j.layers.reshaping.Cropping2D::fromConfig);
        Layers.register("Cropping3D", keras4j.layers.reshaping.Cropping3D::fromConfig);
        Layers.register("SpatialDropout1D", keras4j.layers.regularization.SpatialDropout1D::fromConfig);
        Layers.register("SpatialDropout2D", keras4j.layers.regularization.SpatialDropout2D::fromConfig);
        Layers.register("SpatialDropout3D", keras4j.layers.regularization.SpatialDropout3D::fromConfig);
        Layers.register("Embedding", keras4j.layers.core.Embedding::fromConfig);
        Layers.register("SimpleRNN", keras4j.layers.rnn.SimpleRNN::fromConfig);
        Layers.register("LSTM", keras4j.layers.rnn.LSTM::fromConfig);
        Layers.register("GRU", keras4j.layers.rnn.GRU::fromConfig);
        Layers.register("Bidirectional", keras4j.layers.rnn.Bidirectional::fromConfig);
        Layers.register("TimeDistributed", keras4j.layers.rnn.TimeDistributed::fromConfig);
    }
}
