/**
 * The Keras code each template corresponds to, shown beside it in the gallery. These are
 * the published examples (the TensorFlow quickstart, keras.io's mnist_convnet), lightly
 * adapted to the data the app trains on; the app's own export writes the exact script of
 * a user's model.
 */

export const QUICKSTART_PYTHON = `import tensorflow as tf

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.fashion_mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam",
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=128, epochs=5)
model.evaluate(x_test, y_test, verbose=2)`;

export const CONVNET_PYTHON = `import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = x_train.astype("float32")[..., None] / 255
x_test = x_test.astype("float32")[..., None] / 255

augment = keras.Sequential([
    layers.RandomRotation(10 / 360),
    layers.RandomTranslation(0.1, 0.1),
    layers.RandomZoom(0.1),
])
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    augment,
    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Flatten(),
    layers.Dropout(0.5),
    layers.Dense(10, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam",
              metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=128, epochs=15, validation_split=0.15)
model.evaluate(x_test, y_test, verbose=2)`;

export const TABULAR_PYTHON = `import keras
import pandas as pd
from keras import layers
from sklearn.preprocessing import StandardScaler

train = pd.read_csv("train.csv")
x, y = train.drop(columns="target"), train["target"].astype("category").cat.codes
x = StandardScaler().fit_transform(x)  # fitted on the training rows only

model = keras.Sequential([
    keras.Input(shape=(x.shape[1],)),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.2),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.2),
    layers.Dense(y.nunique(), activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
stop = keras.callbacks.EarlyStopping(patience=20, restore_best_weights=True)
model.fit(x, y, batch_size=32, epochs=300, validation_split=0.15, callbacks=[stop])`;
