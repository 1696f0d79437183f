package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.apache.commons.math3.analysis.UnivariateFunction;

@Entity
public class Fund implements UnivariateFunction {
    @Id
    @GeneratedValue
    Long id;
    String name;
    double sharpeRatio;

    @Override
    public double value(double x) {
        return sharpeRatio * x;
    }
}
